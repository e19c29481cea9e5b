"""xjextract: structured, scored records from English articles of Chinese state media."""

__version__ = "0.1.0"
