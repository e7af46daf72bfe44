"""The limits the API puts on what a request may carry, in one place for the client and the emulator."""

MAX_METADATA_KEYS = 16
MAX_METADATA_KEY = 64
MAX_METADATA_VALUE = 512
MAX_CODE_INTERPRETER_FILES = 20
MAX_VECTOR_STORES = 1
MAX_USER = 512
MAX_PAGE_SIZE = 100
MAX_CONVERSATION_ITEMS = 20
