package io.gatedesk.gatewaylog;

import io.gatedesk.gatewaylog.match.LogSearchService;
import io.gatedesk.gatewaylog.match.TimeParam;
import io.gatedesk.secret.MaskedKey;
import io.gatedesk.secret.MaskedKeyParser;
import io.gatedesk.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway-log JSON API: ingest (ingest token), synchronous file import, matches and search (staff).
 */
@RestController
@RequestMapping("/api/v1/gateway-logs")
class GatewayLogApiController {

    private final LogImportService imports;
    private final LogMatchService matches;
    private final LogSearchService search;
    private final MessageSource messages;

    GatewayLogApiController(LogImportService imports, LogMatchService matches, LogSearchService search,
                            MessageSource messages) {
        this.imports = imports;
        this.matches = matches;
        this.search = search;
        this.messages = messages;
    }

    /** Canonical JSON Lines pushed by a gateway with an ingest token. */
    @PostMapping
    ImportAnswer ingest(HttpServletRequest request, Authentication authentication) throws IOException {
        return ImportAnswer.of(imports.ingest(request.getInputStream(), authentication.getName()));
    }

    @PostMapping("/import")
    ImportAnswer importFile(@RequestParam(required = false) MultipartFile file,
                            @RequestParam(required = false) String format,
                            @RequestParam(required = false) String timeZone, Authentication authentication)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new LogImportException("EMPTY_FILE", 422);
        }
        Path upload = Files.createTempFile("gatedesk-api-upload-", ".part");
        try {
            file.transferTo(upload);
            return ImportAnswer.of(imports.importNow(upload, file.getOriginalFilename(), format, timeZone,
                    authentication.getName(), "API"));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GetMapping("/matches")
    List<LogMatch> matches(@RequestParam(required = false) List<String> requestId,
                           @RequestParam(required = false) String maskedKey,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String at, @RequestParam(required = false) String model) {
        List<String> ids = requestId == null ? List.of()
                : requestId.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
        List<MaskedKey> keys = List.of();
        Instant center = TimeParam.parse(at, imports.siteZone());
        Instant start = TimeParam.parse(from, imports.siteZone());
        Instant end = TimeParam.parse(to, imports.siteZone());
        if (maskedKey != null && !maskedKey.isBlank()) {
            keys = List.of(MaskedKeyParser.parse(maskedKey.strip())
                    .orElseThrow(() -> new IllegalArgumentException("maskedKey")));
            if (center != null) {
                start = start != null ? start : center.minus(matches.window());
                end = end != null ? end : center.plus(matches.window());
            } else if (start != null && end != null) {
                center = start.plus(java.time.Duration.between(start, end).dividedBy(2));
            } else {
                throw new IllegalArgumentException("a masked key needs from and to, or at");
            }
        }
        if (ids.isEmpty() && keys.isEmpty()) {
            throw new IllegalArgumentException("requestId or maskedKey");
        }
        return matches.find(new MatchQuery(ids, keys, center, start, end, model));
    }

    @GetMapping
    LogSearchService.Page list(@RequestParam Map<String, String> params) {
        return search.search(params);
    }

    @ExceptionHandler(LogImportException.class)
    ResponseEntity<ApiError> refused(LogImportException refused, Locale locale) {
        return ResponseEntity.status(refused.httpStatus()).body(ApiError.of(refused.code(),
                messages.getMessage(refused.messageKey(), new Object[]{LogImportService.MAX_INGEST_LINES}, locale)));
    }

    /** The import summary as the API gives it: counts and every rejected line shown. */
    record ImportAnswer(long importId, String status, String format, long imported, long duplicates, long rejected,
                        String failure, List<ImportSummary.LineProblem> errors) {
        static ImportAnswer of(ImportSummary summary) {
            return new ImportAnswer(summary.id(), summary.status().name(), summary.format(), summary.imported(),
                    summary.duplicates(), summary.rejected(), summary.failure(), summary.errors());
        }
    }
}
