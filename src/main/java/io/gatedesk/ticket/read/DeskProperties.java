package io.gatedesk.ticket.read;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

@ConfigurationProperties("gatedesk.desk")
public record DeskProperties(@DefaultValue("25") int pageSize, @DefaultValue("5s") Duration countCacheTtl,
                      @DefaultValue("2000") long exactCountBelow, @DefaultValue("30s") Duration pollInterval) {
}
