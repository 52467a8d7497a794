package io.gatedesk.triage;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface RuleVersionRepository extends JpaRepository<RuleVersion, Long> {

    List<RuleVersion> findByRuleIdOrderByVersionNumberDesc(String ruleId);

    /**
     * Grows with every committed change to any rule, on any node (versions are never deleted): the rule book's
     * generation stamp. A count rather than the highest id, which can commit out of order.
     */
    @Query("select count(v) from RuleVersion v")
    long generation();
}
