package io.gatedesk.support;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One visitor's browser for MockMvc: sends back the cookies the app set. Sessions live in the database (Spring Session
 * JDBC) and are found by their cookie, so a {@code MockHttpSession} no longer carries a visitor from one request to
 * the next. Use as {@code mvc.perform(get("/").with(jar)).andDo(jar)}.
 */
public final class CookieJar implements RequestPostProcessor, ResultHandler {

    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (!cookies.isEmpty()) {
            request.setCookies(cookies.values().toArray(Cookie[]::new));
        }
        return request;
    }

    @Override
    public void handle(MvcResult result) {
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
    }
}
