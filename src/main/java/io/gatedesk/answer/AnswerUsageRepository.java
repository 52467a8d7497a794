package io.gatedesk.answer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface AnswerUsageRepository extends JpaRepository<AnswerUsage, Long> {

    @Query("select u.answerId, count(u) from AnswerUsage u group by u.answerId")
    List<Object[]> countByAnswer();

    @Query("select u.agentName, count(u) from AnswerUsage u group by u.agentId, u.agentName order by count(u) desc")
    List<Object[]> countByAgent();

    long countByAnswerIdAndAgentId(Long answerId, Long agentId);
}
