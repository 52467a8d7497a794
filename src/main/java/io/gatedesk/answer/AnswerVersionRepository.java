package io.gatedesk.answer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface AnswerVersionRepository extends JpaRepository<AnswerVersion, Long> {

    List<AnswerVersion> findByAnswerIdOrderByVersionNumberDesc(Long answerId);

    long countByAnswerId(Long answerId);
}
