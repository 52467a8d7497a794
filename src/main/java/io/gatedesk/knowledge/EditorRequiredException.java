package io.gatedesk.knowledge;

/** Publishing, archiving, verifying and changing a published article are for editors and admins. */
class EditorRequiredException extends RuntimeException {

    EditorRequiredException() {
        super("editor required");
    }
}
