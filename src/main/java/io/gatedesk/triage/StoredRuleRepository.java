package io.gatedesk.triage;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface StoredRuleRepository extends JpaRepository<StoredRule, String> {

    List<StoredRule> findByEnabledTrueOrderByRuleId();

    List<StoredRule> findAllByOrderByCategoryAscRuleIdAsc();
}
