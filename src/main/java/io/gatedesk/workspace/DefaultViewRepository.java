package io.gatedesk.workspace;

import org.springframework.data.jpa.repository.JpaRepository;

interface DefaultViewRepository extends JpaRepository<DefaultView, Long> {
}
