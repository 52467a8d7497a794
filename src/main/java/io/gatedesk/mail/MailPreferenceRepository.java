package io.gatedesk.mail;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface MailPreferenceRepository extends JpaRepository<MailPreference, MailPreference.Key> {

    List<MailPreference> findByKeyUserId(long userId);
}
