package io.gatedesk.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.EnumSet;
import java.util.Set;

/** The admin's form for one staff account; the password is required only when creating. */
public class StaffForm {

    @NotBlank(message = "{user.username.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{2,64}", message = "{user.username.invalid}")
    private String username;

    @NotBlank(message = "{user.displayName.required}")
    @Size(max = 128, message = "{field.tooLong}")
    private String displayName;

    @Email(message = "{ticket.customerEmail.invalid}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;

    @Size(max = 200, message = "{field.tooLong}")
    private String password;

    private Set<Role> roles = EnumSet.of(Role.AGENT);

    private boolean enabled = true;

    private boolean editor;

    static StaffForm of(StaffMember member) {
        StaffForm form = new StaffForm();
        form.username = member.username();
        form.displayName = member.displayName();
        form.email = member.email();
        form.roles = member.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(member.roles());
        form.enabled = member.enabled();
        form.editor = member.editor();
        return form;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.trim();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isEditor() {
        return editor;
    }

    public void setEditor(boolean editor) {
        this.editor = editor;
    }
}
