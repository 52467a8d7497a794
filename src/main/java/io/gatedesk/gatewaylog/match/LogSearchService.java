package io.gatedesk.gatewaylog.match;

import io.gatedesk.gatewaylog.GatewayLogProperties;
import io.gatedesk.gatewaylog.LogEntryView;
import io.gatedesk.gatewaylog.LogImportService;
import io.gatedesk.gatewaylog.store.LogEntryStore;
import io.gatedesk.gatewaylog.store.LogSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The log search of the desk and the JSON API: filters from request parameters, one page newest first. */
@Service
@Transactional(readOnly = true)
public class LogSearchService {

    private final LogEntryStore store;
    private final ZoneId siteZone;
    private final int pageSize;

    LogSearchService(LogEntryStore store, LogImportService imports, GatewayLogProperties properties) {
        this.store = store;
        this.siteZone = imports.siteZone();
        this.pageSize = properties.pageSize();
    }

    public record Page(List<LogEntryView> items, int page, int size, boolean hasNext) {
        public static Page empty() {
            return new Page(List.of(), 0, 0, false);
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** Whether any gateway log has been imported, so an empty search can say "import one" rather than "no match". */
    public boolean anyImported() {
        return store.any();
    }

    /**
     * @param params {@code from, to, statusCode, model, key, user, clientIp, source, requestId, page}
     * @throws IllegalArgumentException when a time, status code or page cannot be read
     */
    public Page search(Map<String, String> params) {
        Integer statusCode = null;
        String status = params.get("statusCode");
        if (status != null && !status.isBlank()) {
            statusCode = Integer.valueOf(status.strip());
        }
        String pageParam = params.get("page");
        int page = pageParam == null || pageParam.isBlank() ? 0 : Integer.parseInt(pageParam.strip());
        if (page < 0 || page > 100_000) {
            throw new IllegalArgumentException("page");
        }
        LogSearch filter = new LogSearch(TimeParam.parse(params.get("from"), siteZone),
                TimeParam.parse(params.get("to"), siteZone), statusCode, params.get("model"), params.get("key"),
                params.get("user"), params.get("clientIp"), params.get("source"), params.get("requestId"));
        List<LogEntryView> rows = store.search(filter, page, pageSize);
        boolean hasNext = rows.size() > pageSize;
        return new Page(hasNext ? rows.subList(0, pageSize) : rows, page, pageSize, hasNext);
    }
}
