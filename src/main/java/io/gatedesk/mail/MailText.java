package io.gatedesk.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The words a person wrote in a mail: HTML made plain text, the quoted history and the signature cut off. */
final class MailText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "ul", "ol", "table");

    /** Lines from which on the rest is history or signature, not what the sender wrote now. */
    private static final List<Pattern> CUT_FROM = List.of(
            Pattern.compile("^On .{0,300}wrote:\\s*$"),
            Pattern.compile("^在.{0,300}(写道|寫道)[:：]\\s*$"),
            Pattern.compile("^-{2,}\\s*(Original Message|原始邮件|原始郵件|Forwarded message|转发邮件)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(From|发件人|寄件者)[:：].+$"),
            Pattern.compile("^-- ?$"),
            Pattern.compile("^(Sent from my |Get Outlook for |发自我的|从我的).{0,60}$"));

    private MailText() {
    }

    /** The plain-text body when the mail has one, else its HTML as text; what was written now, not the history. */
    static String written(String text, String html) {
        String plain = text != null && !text.isBlank() ? text : htmlToText(html);
        return cut(plain);
    }

    /**
     * HTML as plain text: jsoup's {@link Safelist#basic()} first drops scripts, styles, images and every attribute
     * but links, then the remaining markup becomes line breaks. Quoted blocks are dropped (they are history).
     */
    static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document clean = Jsoup.parseBodyFragment(Jsoup.clean(html, Safelist.basic()));
        clean.select("blockquote").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    out.append(textNode.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())
                        && !element.normalName().equals("br")) {
                    out.append('\n');
                }
            }
        }, clean.body());
        return out.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Everything before the first line that starts quoted history or a signature, and no {@code >} lines. */
    static String cut(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : (text == null ? "" : text).replace("\r\n", "\n").split("\n", -1)) {
            String stripped = line.strip();
            if (CUT_FROM.stream().anyMatch(pattern -> pattern.matcher(line.stripTrailing()).matches()
                    || pattern.matcher(stripped).matches()) && !kept.toString().isBlank()) {
                break;
            }
            if (!stripped.startsWith(">")) {
                kept.append(line.stripTrailing()).append('\n');
            }
        }
        return kept.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
