package io.gatedesk.answer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link SiteFacts}. It steps aside when another {@code SiteFacts} bean is defined; should that bean live
 * in a configuration read after this one, mark it {@code @Primary} instead.
 */
@Configuration
class AnswerConfig {

    @Bean
    @ConditionalOnMissingBean(SiteFacts.class)
    SiteFacts propertySiteFacts(@Value("${gatedesk.site.name:GateDesk}") String siteName,
                                @Value("${gatedesk.site.api-base-url:https://api.example.com}") String apiBaseUrl) {
        return new PropertySiteFacts(siteName, apiBaseUrl);
    }
}
