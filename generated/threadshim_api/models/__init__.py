"""Contains all the data models used in inputs/outputs"""

from .active_status import ActiveStatus
from .active_status_type import ActiveStatusType
from .assistant_message_item import AssistantMessageItem
from .assistant_message_item_object import AssistantMessageItemObject
from .assistant_message_item_type import AssistantMessageItemType
from .assistant_output_text import AssistantOutputText
from .assistant_output_text_type import AssistantOutputTextType
from .attachment import Attachment
from .attachment_input import AttachmentInput
from .attachment_type import AttachmentType
from .auto_chunking_strategy import AutoChunkingStrategy
from .auto_chunking_strategy_type import AutoChunkingStrategyType
from .chat_kit_thread import ChatKitThread
from .chat_kit_thread_item_list import ChatKitThreadItemList
from .chat_kit_thread_item_list_object import ChatKitThreadItemListObject
from .chat_kit_thread_list import ChatKitThreadList
from .chat_kit_thread_list_object import ChatKitThreadListObject
from .chat_kit_thread_object import ChatKitThreadObject
from .client_tool_call_item import ClientToolCallItem
from .client_tool_call_item_object import ClientToolCallItemObject
from .client_tool_call_item_type import ClientToolCallItemType
from .client_tool_call_status import ClientToolCallStatus
from .closed_status import ClosedStatus
from .closed_status_type import ClosedStatusType
from .code_interpreter_resources import CodeInterpreterResources
from .code_interpreter_resources_input import CodeInterpreterResourcesInput
from .code_interpreter_tool import CodeInterpreterTool
from .code_interpreter_tool_type import CodeInterpreterToolType
from .create_file_search_resources import CreateFileSearchResources
from .create_message_request import CreateMessageRequest
from .create_thread_request import CreateThreadRequest
from .create_thread_tool_resources import CreateThreadToolResources
from .deleted_chat_kit_thread import DeletedChatKitThread
from .deleted_chat_kit_thread_object import DeletedChatKitThreadObject
from .deleted_message import DeletedMessage
from .deleted_message_object import DeletedMessageObject
from .deleted_thread import DeletedThread
from .deleted_thread_object import DeletedThreadObject
from .error import Error
from .error_response import ErrorResponse
from .file_annotation import FileAnnotation
from .file_annotation_source import FileAnnotationSource
from .file_annotation_source_type import FileAnnotationSourceType
from .file_annotation_type import FileAnnotationType
from .file_citation import FileCitation
from .file_citation_annotation import FileCitationAnnotation
from .file_citation_annotation_type import FileCitationAnnotationType
from .file_path import FilePath
from .file_path_annotation import FilePathAnnotation
from .file_path_annotation_type import FilePathAnnotationType
from .file_search_resources import FileSearchResources
from .file_search_resources_input import FileSearchResourcesInput
from .file_search_tool import FileSearchTool
from .file_search_tool_type import FileSearchToolType
from .image_detail import ImageDetail
from .image_file import ImageFile
from .image_file_content import ImageFileContent
from .image_file_content_input import ImageFileContentInput
from .image_file_content_input_type import ImageFileContentInputType
from .image_file_content_type import ImageFileContentType
from .image_file_input import ImageFileInput
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .image_url_content_input import ImageUrlContentInput
from .image_url_content_input_type import ImageUrlContentInputType
from .image_url_content_type import ImageUrlContentType
from .image_url_input import ImageUrlInput
from .inference_options import InferenceOptions
from .list_order import ListOrder
from .locked_status import LockedStatus
from .locked_status_type import LockedStatusType
from .message import Message
from .message_attachment import MessageAttachment
from .message_incomplete_details import MessageIncompleteDetails
from .message_incomplete_reason import MessageIncompleteReason
from .message_list import MessageList
from .message_object import MessageObject
from .message_role import MessageRole
from .message_status import MessageStatus
from .metadata import Metadata
from .modify_message_request import ModifyMessageRequest
from .modify_thread_request import ModifyThreadRequest
from .refusal_content import RefusalContent
from .refusal_content_type import RefusalContentType
from .static_chunking import StaticChunking
from .static_chunking_strategy import StaticChunkingStrategy
from .static_chunking_strategy_type import StaticChunkingStrategyType
from .task_group_item import TaskGroupItem
from .task_group_item_object import TaskGroupItemObject
from .task_group_item_type import TaskGroupItemType
from .task_group_task import TaskGroupTask
from .task_item import TaskItem
from .task_item_object import TaskItemObject
from .task_item_type import TaskItemType
from .task_type import TaskType
from .text import Text
from .text_content import TextContent
from .text_content_type import TextContentType
from .text_input_content import TextInputContent
from .text_input_content_type import TextInputContentType
from .thread import Thread
from .thread_object import ThreadObject
from .tool_choice import ToolChoice
from .tool_resources import ToolResources
from .tool_resources_input import ToolResourcesInput
from .url_annotation import UrlAnnotation
from .url_annotation_source import UrlAnnotationSource
from .url_annotation_source_type import UrlAnnotationSourceType
from .url_annotation_type import UrlAnnotationType
from .user_input_text import UserInputText
from .user_input_text_type import UserInputTextType
from .user_message_item import UserMessageItem
from .user_message_item_object import UserMessageItemObject
from .user_message_item_type import UserMessageItemType
from .user_quoted_text import UserQuotedText
from .user_quoted_text_type import UserQuotedTextType
from .vector_store_spec import VectorStoreSpec
from .widget_item import WidgetItem
from .widget_item_object import WidgetItemObject
from .widget_item_type import WidgetItemType

__all__ = (
    "ActiveStatus",
    "ActiveStatusType",
    "AssistantMessageItem",
    "AssistantMessageItemObject",
    "AssistantMessageItemType",
    "AssistantOutputText",
    "AssistantOutputTextType",
    "Attachment",
    "AttachmentInput",
    "AttachmentType",
    "AutoChunkingStrategy",
    "AutoChunkingStrategyType",
    "ChatKitThread",
    "ChatKitThreadItemList",
    "ChatKitThreadItemListObject",
    "ChatKitThreadList",
    "ChatKitThreadListObject",
    "ChatKitThreadObject",
    "ClientToolCallItem",
    "ClientToolCallItemObject",
    "ClientToolCallItemType",
    "ClientToolCallStatus",
    "ClosedStatus",
    "ClosedStatusType",
    "CodeInterpreterResources",
    "CodeInterpreterResourcesInput",
    "CodeInterpreterTool",
    "CodeInterpreterToolType",
    "CreateFileSearchResources",
    "CreateMessageRequest",
    "CreateThreadRequest",
    "CreateThreadToolResources",
    "DeletedChatKitThread",
    "DeletedChatKitThreadObject",
    "DeletedMessage",
    "DeletedMessageObject",
    "DeletedThread",
    "DeletedThreadObject",
    "Error",
    "ErrorResponse",
    "FileAnnotation",
    "FileAnnotationSource",
    "FileAnnotationSourceType",
    "FileAnnotationType",
    "FileCitation",
    "FileCitationAnnotation",
    "FileCitationAnnotationType",
    "FilePath",
    "FilePathAnnotation",
    "FilePathAnnotationType",
    "FileSearchResources",
    "FileSearchResourcesInput",
    "FileSearchTool",
    "FileSearchToolType",
    "ImageDetail",
    "ImageFile",
    "ImageFileContent",
    "ImageFileContentInput",
    "ImageFileContentInputType",
    "ImageFileContentType",
    "ImageFileInput",
    "ImageUrl",
    "ImageUrlContent",
    "ImageUrlContentInput",
    "ImageUrlContentInputType",
    "ImageUrlContentType",
    "ImageUrlInput",
    "InferenceOptions",
    "ListOrder",
    "LockedStatus",
    "LockedStatusType",
    "Message",
    "MessageAttachment",
    "MessageIncompleteDetails",
    "MessageIncompleteReason",
    "MessageList",
    "MessageObject",
    "MessageRole",
    "MessageStatus",
    "Metadata",
    "ModifyMessageRequest",
    "ModifyThreadRequest",
    "RefusalContent",
    "RefusalContentType",
    "StaticChunking",
    "StaticChunkingStrategy",
    "StaticChunkingStrategyType",
    "TaskGroupItem",
    "TaskGroupItemObject",
    "TaskGroupItemType",
    "TaskGroupTask",
    "TaskItem",
    "TaskItemObject",
    "TaskItemType",
    "TaskType",
    "Text",
    "TextContent",
    "TextContentType",
    "TextInputContent",
    "TextInputContentType",
    "Thread",
    "ThreadObject",
    "ToolChoice",
    "ToolResources",
    "ToolResourcesInput",
    "UrlAnnotation",
    "UrlAnnotationSource",
    "UrlAnnotationSourceType",
    "UrlAnnotationType",
    "UserInputText",
    "UserInputTextType",
    "UserMessageItem",
    "UserMessageItemObject",
    "UserMessageItemType",
    "UserQuotedText",
    "UserQuotedTextType",
    "VectorStoreSpec",
    "WidgetItem",
    "WidgetItemObject",
    "WidgetItemType",
)
