package io.gatedesk.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The support mailbox: a real IMAP server in the test JVM (GreenMail) that mails are delivered into. */
final class ImapMailbox {

    static final String ADDRESS = SmtpServer.FROM;
    private static final String LOGIN = "support";
    private static final String PASSWORD = "support-secret";

    private final int port;
    private final GreenMail greenMail;
    private final GreenMailUser user;

    ImapMailbox() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        user = greenMail.setUser(ADDRESS, LOGIN, PASSWORD);
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("gatedesk.mail.inbound.enabled", () -> "true");
        registry.add("gatedesk.mail.inbound.host", () -> "127.0.0.1");
        registry.add("gatedesk.mail.inbound.port", () -> port);
        registry.add("gatedesk.mail.inbound.username", () -> LOGIN);
        registry.add("gatedesk.mail.inbound.password", () -> PASSWORD);
        registry.add("gatedesk.mail.inbound.poll-interval", () -> "400ms");
        registry.add("gatedesk.mail.inbound.max-size", () -> "64KB");
        registry.add("gatedesk.mail.inbound.per-sender-per-hour", () -> "3");
    }

    /** Puts a mail in the mailbox as a mail server would on delivery; returns its Message-ID. */
    String deliver(String from, String to, String subject, String text, String html, Map<String, String> headers) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            if (html != null) {
                message.setContent(html, "text/html; charset=UTF-8");
            } else {
                message.setText(text, "UTF-8");
            }
            message.saveChanges();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            user.deliver(message);
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a multipart mail in the mailbox: a text body and the files, each as an attachment; returns its Message-ID. */
    String deliverWithFiles(String from, String subject, String text, Map<String, byte[]> files) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, ADDRESS);
            message.setSubject(subject, "UTF-8");
            jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart("mixed");
            jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
            body.setText(text, "UTF-8");
            parts.addBodyPart(body);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                jakarta.mail.internet.MimeBodyPart attached = new jakarta.mail.internet.MimeBodyPart();
                attached.setContent(file.getValue(), "application/octet-stream");
                attached.setDisposition(jakarta.mail.Part.ATTACHMENT);
                attached.setFileName(jakarta.mail.internet.MimeUtility.encodeText(file.getKey(), "UTF-8", null));
                parts.addBodyPart(attached);
            }
            message.setContent(parts);
            message.saveChanges();
            user.deliver(message);
            return message.getMessageID();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subjects of the mails GateDesk flagged as not processed, read over IMAP as a person would see them. */
    List<String> flaggedSubjects() {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", port, LOGIN, PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true))) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    int count() {
        return greenMail.getReceivedMessages().length;
    }
}
