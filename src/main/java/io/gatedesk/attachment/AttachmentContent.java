package io.gatedesk.attachment;

/** An attachment's stored bytes (a text one already masked) with what is needed to serve it safely. */
record AttachmentContent(String fileName, String mediaType, AttachmentKind kind, byte[] bytes) {
}
