package io.gatedesk.mail;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailThreadRepository extends JpaRepository<MailThread, Long> {
}
