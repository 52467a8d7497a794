package io.gatedesk.attachment;

/** How an attachment is shown: as a thumbnail, as text on the page, or only as a download. */
public enum AttachmentKind {
    IMAGE,
    TEXT,
    /** HTML, SVG, XML and PDF: a browser would run or render them, so they are only ever downloaded. */
    DOWNLOAD
}
