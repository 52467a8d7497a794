package io.gatedesk.security;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route the application answers, read from its own {@link RequestMappingHandlerMapping}, so a controller method
 * added tomorrow is walked by the security tests without anyone listing it.
 */
record Routes(List<Route> all) {

    /** One method and path pattern of one controller method; {@code htmx} when it only answers {@code HX-Request}. */
    record Route(RequestMethod method, String pattern, boolean htmx, String handler) {

        /** The key the access table is written in: {@code "GET /desk/tickets/{number}"}. */
        String key() {
            return method + " " + pattern;
        }

        /** The pattern with each {@code {variable}} replaced by the value {@code values} gives for its name. */
        String path(Function<String, String> values) {
            Matcher variable = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (variable.find()) {
                variable.appendReplacement(path, Matcher.quoteReplacement(values.apply(variable.group(1))));
            }
            variable.appendTail(path);
            return path.toString();
        }

        @Override
        public String toString() {
            return key() + (htmx ? " (htmx)" : "") + " -> " + handler;
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    static Routes of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("io.gatedesk")) {
                continue; // Spring Boot's own BasicErrorController: checked through real error responses instead
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            boolean htmx = info.getHeadersCondition().getExpressions().stream()
                    .anyMatch(expression -> expression.getName().equalsIgnoreCase("HX-Request") && !expression.isNegated());
            String name = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method, pattern, htmx, name));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method).thenComparing(Route::htmx));
        return new Routes(List.copyOf(routes));
    }
}
