package io.gatedesk.gatewaylog.store;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("test")
class H2GatewayLogStoreTest extends GatewayLogStoreContract {

    @Autowired
    LogPartitions partitions;

    @Test
    void onH2TheLogTableStaysOneTableAndThePartitionJobDoesNothing() {
        assertThat(partitions.partitioned()).isFalse();
        assertThat(partitions.months()).isEmpty();
        assertThat(partitions.createAhead()).isZero();
        assertThat(retention.purge().monthsDropped()).isEmpty();
    }
}
