"""``python -m xjextract``: the same command line as the ``xjextract`` script."""

import sys

from .cli import main

sys.exit(main())
