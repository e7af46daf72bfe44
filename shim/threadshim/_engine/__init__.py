"""The sans-IO engine: operations yield steps, the sync and async drivers send them."""
