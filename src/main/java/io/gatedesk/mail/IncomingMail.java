package io.gatedesk.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What GateDesk reads of a mail from the support mailbox: who, to whom, what it answers, the headers loop protection
 * needs, its plain-text and HTML bodies, and the files attached to it (at most {@link #MAX_FILES} are read).
 */
record IncomingMail(String messageId, String from, String fromName, List<String> recipients, String subject,
                    List<String> answers, String autoSubmitted, String precedence, boolean listMail, boolean report,
                    boolean fromGateDesk, String returnPath, String contentLanguage, long size, String text,
                    String html, List<MailFile> files) {

    /** More files than a ticket takes are not read at all: the attachment feature would refuse them anyway. */
    static final int MAX_FILES = 20;

    static IncomingMail of(MimeMessage message) throws MessagingException, IOException {
        InternetAddress sender = firstAddress(message.getFrom());
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses = message.getRecipients(type);
            if (addresses != null) {
                Arrays.stream(addresses).map(Address::toString).forEach(recipients::add);
            }
        }
        String[] delivered = message.getHeader("Delivered-To");
        if (delivered != null) {
            recipients.addAll(Arrays.asList(delivered));
        }
        List<String> answers = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Arrays.stream(value.split("[\\s,]+")).filter(id -> !id.isBlank()).forEach(answers::add);
            }
        }
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        List<MailFile> files = new ArrayList<>();
        collect(message, text, html, files, 0);
        String messageId = message.getMessageID();
        return new IncomingMail(messageId == null || messageId.isBlank() ? null : messageId.strip(),
                sender == null ? null : sender.getAddress(), sender == null ? null : sender.getPersonal(),
                recipients, message.getSubject(), answers, message.getHeader("Auto-Submitted", ","),
                message.getHeader("Precedence", ","), message.getHeader("List-Id", ",") != null
                        || message.getHeader("List-Unsubscribe", ",") != null,
                message.isMimeType("multipart/report"), message.getHeader("X-GateDesk-Ticket", ",") != null,
                message.getHeader("Return-Path", ","), message.getHeader("Content-Language", ","),
                Math.max(message.getSize(), 0), text.toString(), html.toString(), List.copyOf(files));
    }

    private static InternetAddress firstAddress(Address[] addresses) {
        return addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress address
                ? address : null;
    }

    /**
     * The first text/plain and text/html parts that are not attachments, however deeply nested, and the files: parts
     * sent as attachments, and inline parts that carry a file name and are not the text itself (a pasted screenshot).
     */
    private static void collect(Part part, StringBuilder text, StringBuilder html, List<MailFile> files, int depth)
            throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (attached || (part.getFileName() != null && !part.isMimeType("multipart/*")
                && !part.isMimeType("message/*") && !(part.isMimeType("text/*") && depth == 0))) {
            if (files.size() < MAX_FILES) {
                files.add(new MailFile(fileName(part, files.size()), baseType(part.getContentType()),
                        part.getInputStream().readAllBytes()));
            }
            return;
        }
        if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html") && html.isEmpty()) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html, files, depth + 1);
            }
        }
    }

    /** The part's file name (RFC 2231 and encoded-word names decoded), or a made-up one for a nameless attachment. */
    private static String fileName(Part part, int index) throws MessagingException {
        String name = part.getFileName();
        if (name != null) {
            try {
                name = jakarta.mail.internet.MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException undecodable) {
                // The raw name is still a name.
            }
        }
        return name == null || name.isBlank() ? "attachment-" + (index + 1) : name.strip();
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Mail no person wrote, which must never get an answer (RFC 3834): auto-replies and other automatic mail, bounces
     * and delivery reports, bulk and mailing-list mail. The reason, or {@code null} for a person's mail.
     */
    String automaticReason() {
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list|auto_reply")) {
            return "Precedence: " + precedence.strip();
        }
        String local = from == null ? "" : from.substring(0, Math.max(from.indexOf('@'), 0)).toLowerCase(Locale.ROOT);
        if (report || "<>".equals(returnPath == null ? null : returnPath.strip()) || local.equals("mailer-daemon")
                || local.equals("postmaster")) {
            return "bounce or delivery report";
        }
        if (listMail) {
            return "mailing-list mail";
        }
        return null;
    }
}
