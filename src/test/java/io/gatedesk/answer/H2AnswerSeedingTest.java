package io.gatedesk.answer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class H2AnswerSeedingTest extends AnswerSeedingContract {
}
