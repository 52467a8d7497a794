package io.gatedesk.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/** What the project's JMH mains need to fork when started with {@code exec:java}. */
public final class JmhForks {

    private JmhForks() {
    }

    /**
     * exec:java runs the benchmark in a class loader of its own while {@code java.class.path} still names Maven's
     * launcher, and JMH hands {@code java.class.path} to the forked JVM; so the fork is given the test class path
     * explicitly.
     */
    public static void exposeClasspath() throws URISyntaxException {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    entries.add(new File(url.toURI()).getPath());
                }
            }
        }
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
        }
    }
}
