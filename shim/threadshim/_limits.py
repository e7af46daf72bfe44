"""The limits the API puts on what a request may carry, and the client's own, in one place for every layer."""

MAX_METADATA_KEYS = 16
MAX_METADATA_KEY = 64
MAX_METADATA_VALUE = 512
MAX_CODE_INTERPRETER_FILES = 20
MAX_VECTOR_STORES = 1
MAX_USER = 512
MAX_PAGE_SIZE = 100
MAX_CONVERSATION_ITEMS = 20

DEFAULT_MAX_RESPONSE_BYTES = 32 << 20
"""The default cap on a decoded response body: 32 MiB, far above a full page of 100 long messages."""
