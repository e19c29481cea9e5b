"""Writers of the pipeline's output, a layer around the pipeline: JSONL records (atomic, resumable)."""
