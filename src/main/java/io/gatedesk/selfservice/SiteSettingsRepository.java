package io.gatedesk.selfservice;

import org.springframework.data.jpa.repository.JpaRepository;

interface SiteSettingsRepository extends JpaRepository<SiteSettingsRow, Integer> {
}
