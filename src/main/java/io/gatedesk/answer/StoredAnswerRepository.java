package io.gatedesk.answer;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface StoredAnswerRepository extends JpaRepository<StoredAnswer, Long> {

    Optional<StoredAnswer> findByKeyAndLanguage(String key, String language);

    List<StoredAnswer> findByKeyOrderByLanguageAsc(String key);
}
