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
from .code_interpreter_call_item import CodeInterpreterCallItem
from .code_interpreter_call_item_outputs_type_0_item import CodeInterpreterCallItemOutputsType0Item
from .code_interpreter_call_item_status import CodeInterpreterCallItemStatus
from .code_interpreter_call_item_type import CodeInterpreterCallItemType
from .code_interpreter_resources import CodeInterpreterResources
from .code_interpreter_resources_input import CodeInterpreterResourcesInput
from .code_interpreter_tool import CodeInterpreterTool
from .code_interpreter_tool_type import CodeInterpreterToolType
from .computer_call_item import ComputerCallItem
from .computer_call_item_action import ComputerCallItemAction
from .computer_call_item_pending_safety_checks_item import ComputerCallItemPendingSafetyChecksItem
from .computer_call_item_type import ComputerCallItemType
from .computer_screenshot_part import ComputerScreenshotPart
from .computer_screenshot_part_type import ComputerScreenshotPartType
from .container_file_citation_part import ContainerFileCitationPart
from .container_file_citation_part_type import ContainerFileCitationPartType
from .conversation import Conversation
from .conversation_includable import ConversationIncludable
from .conversation_item_list import ConversationItemList
from .conversation_item_list_object import ConversationItemListObject
from .conversation_item_status import ConversationItemStatus
from .conversation_message import ConversationMessage
from .conversation_message_role import ConversationMessageRole
from .conversation_message_type import ConversationMessageType
from .conversation_object import ConversationObject
from .create_conversation_items_request import CreateConversationItemsRequest
from .create_conversation_request import CreateConversationRequest
from .create_file_search_resources import CreateFileSearchResources
from .create_message_request import CreateMessageRequest
from .create_response_request import CreateResponseRequest
from .create_response_request_context_management_type_0_item import CreateResponseRequestContextManagementType0Item
from .create_response_request_moderation_type_0 import CreateResponseRequestModerationType0
from .create_response_request_prompt_cache_options_type_0 import CreateResponseRequestPromptCacheOptionsType0
from .create_response_request_prompt_type_0 import CreateResponseRequestPromptType0
from .create_response_request_reasoning_type_0 import CreateResponseRequestReasoningType0
from .create_response_request_stream_options_type_0 import CreateResponseRequestStreamOptionsType0
from .create_response_request_text import CreateResponseRequestText
from .create_response_request_tool_choice_type_1 import CreateResponseRequestToolChoiceType1
from .create_response_request_tools_item import CreateResponseRequestToolsItem
from .create_thread_request import CreateThreadRequest
from .create_thread_tool_resources import CreateThreadToolResources
from .deleted_chat_kit_thread import DeletedChatKitThread
from .deleted_chat_kit_thread_object import DeletedChatKitThreadObject
from .deleted_conversation import DeletedConversation
from .deleted_conversation_object import DeletedConversationObject
from .deleted_message import DeletedMessage
from .deleted_message_object import DeletedMessageObject
from .deleted_response import DeletedResponse
from .deleted_response_object import DeletedResponseObject
from .deleted_thread import DeletedThread
from .deleted_thread_object import DeletedThreadObject
from .easy_input_message import EasyInputMessage
from .easy_input_message_role import EasyInputMessageRole
from .easy_input_message_type import EasyInputMessageType
from .error import Error
from .error_response import ErrorResponse
from .file_annotation import FileAnnotation
from .file_annotation_source import FileAnnotationSource
from .file_annotation_source_type import FileAnnotationSourceType
from .file_annotation_type import FileAnnotationType
from .file_citation import FileCitation
from .file_citation_annotation import FileCitationAnnotation
from .file_citation_annotation_type import FileCitationAnnotationType
from .file_citation_part import FileCitationPart
from .file_citation_part_type import FileCitationPartType
from .file_path import FilePath
from .file_path_annotation import FilePathAnnotation
from .file_path_annotation_type import FilePathAnnotationType
from .file_path_part import FilePathPart
from .file_path_part_type import FilePathPartType
from .file_search_call_item import FileSearchCallItem
from .file_search_call_item_results_type_0_item import FileSearchCallItemResultsType0Item
from .file_search_call_item_status import FileSearchCallItemStatus
from .file_search_call_item_type import FileSearchCallItemType
from .file_search_resources import FileSearchResources
from .file_search_resources_input import FileSearchResourcesInput
from .file_search_tool import FileSearchTool
from .file_search_tool_type import FileSearchToolType
from .function_call_input import FunctionCallInput
from .function_call_input_type import FunctionCallInputType
from .function_call_item import FunctionCallItem
from .function_call_item_type import FunctionCallItemType
from .function_call_output_input import FunctionCallOutputInput
from .function_call_output_input_type import FunctionCallOutputInputType
from .function_call_output_item import FunctionCallOutputItem
from .function_call_output_item_output_type_1_item import FunctionCallOutputItemOutputType1Item
from .function_call_output_item_type import FunctionCallOutputItemType
from .image_detail import ImageDetail
from .image_file import ImageFile
from .image_file_content import ImageFileContent
from .image_file_content_input import ImageFileContentInput
from .image_file_content_input_type import ImageFileContentInputType
from .image_file_content_type import ImageFileContentType
from .image_file_input import ImageFileInput
from .image_generation_call_item import ImageGenerationCallItem
from .image_generation_call_item_status import ImageGenerationCallItemStatus
from .image_generation_call_item_type import ImageGenerationCallItemType
from .image_url import ImageUrl
from .image_url_content import ImageUrlContent
from .image_url_content_input import ImageUrlContentInput
from .image_url_content_input_type import ImageUrlContentInputType
from .image_url_content_type import ImageUrlContentType
from .image_url_input import ImageUrlInput
from .inference_options import InferenceOptions
from .input_file_input import InputFileInput
from .input_file_input_type import InputFileInputType
from .input_file_part import InputFilePart
from .input_file_part_type import InputFilePartType
from .input_image_detail import InputImageDetail
from .input_image_input_type_0 import InputImageInputType0
from .input_image_input_type_1 import InputImageInputType1
from .input_image_part import InputImagePart
from .input_image_part_type import InputImagePartType
from .input_message import InputMessage
from .input_message_role import InputMessageRole
from .input_message_type import InputMessageType
from .input_text_input import InputTextInput
from .input_text_input_type import InputTextInputType
from .input_text_part import InputTextPart
from .input_text_part_type import InputTextPartType
from .list_order import ListOrder
from .locked_status import LockedStatus
from .locked_status_type import LockedStatusType
from .message import Message
from .message_attachment import MessageAttachment
from .message_incomplete_details import MessageIncompleteDetails
from .message_incomplete_reason import MessageIncompleteReason
from .message_list import MessageList
from .message_object import MessageObject
from .message_phase import MessagePhase
from .message_role import MessageRole
from .message_status import MessageStatus
from .metadata import Metadata
from .model_response import ModelResponse
from .model_response_error_type_0 import ModelResponseErrorType0
from .model_response_incomplete_details_type_0 import ModelResponseIncompleteDetailsType0
from .model_response_instructions_type_1_item import ModelResponseInstructionsType1Item
from .model_response_object import ModelResponseObject
from .model_response_reasoning_type_0 import ModelResponseReasoningType0
from .model_response_status import ModelResponseStatus
from .model_response_text import ModelResponseText
from .model_response_tool_choice_type_1 import ModelResponseToolChoiceType1
from .model_response_tools_item import ModelResponseToolsItem
from .modify_message_request import ModifyMessageRequest
from .modify_thread_request import ModifyThreadRequest
from .other_annotation import OtherAnnotation
from .other_content_part import OtherContentPart
from .other_conversation_item import OtherConversationItem
from .other_input_item import OtherInputItem
from .output_message_input import OutputMessageInput
from .output_message_input_role import OutputMessageInputRole
from .output_message_input_type import OutputMessageInputType
from .output_text_input import OutputTextInput
from .output_text_input_logprobs_item import OutputTextInputLogprobsItem
from .output_text_input_type import OutputTextInputType
from .output_text_part import OutputTextPart
from .output_text_part_logprobs_item import OutputTextPartLogprobsItem
from .output_text_part_type import OutputTextPartType
from .reasoning_item import ReasoningItem
from .reasoning_item_type import ReasoningItemType
from .reasoning_text_part import ReasoningTextPart
from .reasoning_text_part_type import ReasoningTextPartType
from .refusal_content import RefusalContent
from .refusal_content_type import RefusalContentType
from .refusal_input import RefusalInput
from .refusal_input_type import RefusalInputType
from .refusal_part import RefusalPart
from .refusal_part_type import RefusalPartType
from .response_conversation import ResponseConversation
from .response_stream_event import ResponseStreamEvent
from .response_usage import ResponseUsage
from .response_usage_input_tokens_details import ResponseUsageInputTokensDetails
from .response_usage_output_tokens_details import ResponseUsageOutputTokensDetails
from .static_chunking import StaticChunking
from .static_chunking_strategy import StaticChunkingStrategy
from .static_chunking_strategy_type import StaticChunkingStrategyType
from .summary_text_part import SummaryTextPart
from .summary_text_part_type import SummaryTextPartType
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
from .text_part import TextPart
from .text_part_type import TextPartType
from .thread import Thread
from .thread_object import ThreadObject
from .tool_call_caller import ToolCallCaller
from .tool_choice import ToolChoice
from .tool_resources import ToolResources
from .tool_resources_input import ToolResourcesInput
from .update_conversation_request import UpdateConversationRequest
from .url_annotation import UrlAnnotation
from .url_annotation_source import UrlAnnotationSource
from .url_annotation_source_type import UrlAnnotationSourceType
from .url_annotation_type import UrlAnnotationType
from .url_citation_part import UrlCitationPart
from .url_citation_part_type import UrlCitationPartType
from .user_input_text import UserInputText
from .user_input_text_type import UserInputTextType
from .user_message_item import UserMessageItem
from .user_message_item_object import UserMessageItemObject
from .user_message_item_type import UserMessageItemType
from .user_quoted_text import UserQuotedText
from .user_quoted_text_type import UserQuotedTextType
from .vector_store_spec import VectorStoreSpec
from .web_search_call_item import WebSearchCallItem
from .web_search_call_item_action import WebSearchCallItemAction
from .web_search_call_item_status import WebSearchCallItemStatus
from .web_search_call_item_type import WebSearchCallItemType
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
    "CodeInterpreterCallItem",
    "CodeInterpreterCallItemOutputsType0Item",
    "CodeInterpreterCallItemStatus",
    "CodeInterpreterCallItemType",
    "CodeInterpreterResources",
    "CodeInterpreterResourcesInput",
    "CodeInterpreterTool",
    "CodeInterpreterToolType",
    "ComputerCallItem",
    "ComputerCallItemAction",
    "ComputerCallItemPendingSafetyChecksItem",
    "ComputerCallItemType",
    "ComputerScreenshotPart",
    "ComputerScreenshotPartType",
    "ContainerFileCitationPart",
    "ContainerFileCitationPartType",
    "Conversation",
    "ConversationIncludable",
    "ConversationItemList",
    "ConversationItemListObject",
    "ConversationItemStatus",
    "ConversationMessage",
    "ConversationMessageRole",
    "ConversationMessageType",
    "ConversationObject",
    "CreateConversationItemsRequest",
    "CreateConversationRequest",
    "CreateFileSearchResources",
    "CreateMessageRequest",
    "CreateResponseRequest",
    "CreateResponseRequestContextManagementType0Item",
    "CreateResponseRequestModerationType0",
    "CreateResponseRequestPromptCacheOptionsType0",
    "CreateResponseRequestPromptType0",
    "CreateResponseRequestReasoningType0",
    "CreateResponseRequestStreamOptionsType0",
    "CreateResponseRequestText",
    "CreateResponseRequestToolChoiceType1",
    "CreateResponseRequestToolsItem",
    "CreateThreadRequest",
    "CreateThreadToolResources",
    "DeletedChatKitThread",
    "DeletedChatKitThreadObject",
    "DeletedConversation",
    "DeletedConversationObject",
    "DeletedMessage",
    "DeletedMessageObject",
    "DeletedResponse",
    "DeletedResponseObject",
    "DeletedThread",
    "DeletedThreadObject",
    "EasyInputMessage",
    "EasyInputMessageRole",
    "EasyInputMessageType",
    "Error",
    "ErrorResponse",
    "FileAnnotation",
    "FileAnnotationSource",
    "FileAnnotationSourceType",
    "FileAnnotationType",
    "FileCitation",
    "FileCitationAnnotation",
    "FileCitationAnnotationType",
    "FileCitationPart",
    "FileCitationPartType",
    "FilePath",
    "FilePathAnnotation",
    "FilePathAnnotationType",
    "FilePathPart",
    "FilePathPartType",
    "FileSearchCallItem",
    "FileSearchCallItemResultsType0Item",
    "FileSearchCallItemStatus",
    "FileSearchCallItemType",
    "FileSearchResources",
    "FileSearchResourcesInput",
    "FileSearchTool",
    "FileSearchToolType",
    "FunctionCallInput",
    "FunctionCallInputType",
    "FunctionCallItem",
    "FunctionCallItemType",
    "FunctionCallOutputInput",
    "FunctionCallOutputInputType",
    "FunctionCallOutputItem",
    "FunctionCallOutputItemOutputType1Item",
    "FunctionCallOutputItemType",
    "ImageDetail",
    "ImageFile",
    "ImageFileContent",
    "ImageFileContentInput",
    "ImageFileContentInputType",
    "ImageFileContentType",
    "ImageFileInput",
    "ImageGenerationCallItem",
    "ImageGenerationCallItemStatus",
    "ImageGenerationCallItemType",
    "ImageUrl",
    "ImageUrlContent",
    "ImageUrlContentInput",
    "ImageUrlContentInputType",
    "ImageUrlContentType",
    "ImageUrlInput",
    "InferenceOptions",
    "InputFileInput",
    "InputFileInputType",
    "InputFilePart",
    "InputFilePartType",
    "InputImageDetail",
    "InputImageInputType0",
    "InputImageInputType1",
    "InputImagePart",
    "InputImagePartType",
    "InputMessage",
    "InputMessageRole",
    "InputMessageType",
    "InputTextInput",
    "InputTextInputType",
    "InputTextPart",
    "InputTextPartType",
    "ListOrder",
    "LockedStatus",
    "LockedStatusType",
    "Message",
    "MessageAttachment",
    "MessageIncompleteDetails",
    "MessageIncompleteReason",
    "MessageList",
    "MessageObject",
    "MessagePhase",
    "MessageRole",
    "MessageStatus",
    "Metadata",
    "ModelResponse",
    "ModelResponseErrorType0",
    "ModelResponseIncompleteDetailsType0",
    "ModelResponseInstructionsType1Item",
    "ModelResponseObject",
    "ModelResponseReasoningType0",
    "ModelResponseStatus",
    "ModelResponseText",
    "ModelResponseToolChoiceType1",
    "ModelResponseToolsItem",
    "ModifyMessageRequest",
    "ModifyThreadRequest",
    "OtherAnnotation",
    "OtherContentPart",
    "OtherConversationItem",
    "OtherInputItem",
    "OutputMessageInput",
    "OutputMessageInputRole",
    "OutputMessageInputType",
    "OutputTextInput",
    "OutputTextInputLogprobsItem",
    "OutputTextInputType",
    "OutputTextPart",
    "OutputTextPartLogprobsItem",
    "OutputTextPartType",
    "ReasoningItem",
    "ReasoningItemType",
    "ReasoningTextPart",
    "ReasoningTextPartType",
    "RefusalContent",
    "RefusalContentType",
    "RefusalInput",
    "RefusalInputType",
    "RefusalPart",
    "RefusalPartType",
    "ResponseConversation",
    "ResponseStreamEvent",
    "ResponseUsage",
    "ResponseUsageInputTokensDetails",
    "ResponseUsageOutputTokensDetails",
    "StaticChunking",
    "StaticChunkingStrategy",
    "StaticChunkingStrategyType",
    "SummaryTextPart",
    "SummaryTextPartType",
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
    "TextPart",
    "TextPartType",
    "Thread",
    "ThreadObject",
    "ToolCallCaller",
    "ToolChoice",
    "ToolResources",
    "ToolResourcesInput",
    "UpdateConversationRequest",
    "UrlAnnotation",
    "UrlAnnotationSource",
    "UrlAnnotationSourceType",
    "UrlAnnotationType",
    "UrlCitationPart",
    "UrlCitationPartType",
    "UserInputText",
    "UserInputTextType",
    "UserMessageItem",
    "UserMessageItemObject",
    "UserMessageItemType",
    "UserQuotedText",
    "UserQuotedTextType",
    "VectorStoreSpec",
    "WebSearchCallItem",
    "WebSearchCallItemAction",
    "WebSearchCallItemStatus",
    "WebSearchCallItemType",
    "WidgetItem",
    "WidgetItemObject",
    "WidgetItemType",
)
