package io.gatedesk.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A free tag on a ticket as it is stored: lower case, spaces turned into dashes, letters (any script), digits and
 * {@code - _ . :} only, at most {@value #MAX_LENGTH} characters. A tag is shown in a colour derived from its name
 * unless an admin chose one.
 */
public final class Tag {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_PER_TICKET = 20;

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.:-]+");

    private Tag() {
    }

    /** The stored form of what an agent typed, or empty when nothing usable is left or it is too long. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String tag = raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s#]+", "-").replaceAll("^-+|-+$", "");
        if (tag.isEmpty() || tag.length() > MAX_LENGTH || !ALLOWED.matcher(tag).matches()) {
            return Optional.empty();
        }
        return Optional.of(tag);
    }

    /** A colour for the tag's chip: the same name always gets the same hue, dark enough for white text. */
    public static String colourOf(String tag) {
        int hue = Math.floorMod(tag.hashCode() * 31 + 7, 360);
        java.awt.Color rgb = java.awt.Color.getHSBColor(hue / 360f, 0.55f, 0.55f);
        return String.format(Locale.ROOT, "#%02x%02x%02x", rgb.getRed(), rgb.getGreen(), rgb.getBlue());
    }

    /** Whether {@code colour} is an admin's choice the page can use as it is: {@code #rrggbb}. */
    public static boolean isColour(String colour) {
        return colour != null && colour.matches("#[0-9a-fA-F]{6}");
    }
}
