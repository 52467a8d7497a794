package io.gatedesk.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("gatedesk.desk")
record DeskProperties(@DefaultValue("25") int pageSize) {
}
