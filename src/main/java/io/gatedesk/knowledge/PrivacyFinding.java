package io.gatedesk.knowledge;

/**
 * One thing the privacy gate found: the field it is in, its character offset there, its kind and a short excerpt in
 * which the value itself is hidden (a finding is shown to editors and returned by the API, so it must not leak).
 */
public record PrivacyFinding(String field, int position, PrivacyKind kind, String excerpt) {
}
