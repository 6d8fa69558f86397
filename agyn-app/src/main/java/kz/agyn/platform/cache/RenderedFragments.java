package kz.agyn.platform.cache;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a template's fragment to text exactly as a page would (the same view resolver, so messages, links with
 * their content-versioned static addresses and the model all work), for a page to keep the text in a
 * {@link PerGeneration} and insert it with {@code th:utext} on later views.
 *
 * <p>Why (issue 22, decision 0049): with the figures kept per data generation, Thymeleaf rendering the page was
 * about 70% of the home page's CPU under load. A fragment kept this way must read nothing of the viewer but what its
 * key holds (the language, the roles): never the user's name, a CSRF token (so no {@code method="post"} form) or
 * anything else of one request.
 */
@Component
public class RenderedFragments {

    /**
     * Looked up when a page is rendered, not when the bean is made: the command line (`agyn import …`) starts the
     * same beans without a web server, where there is no view resolver, and its commands must still start.
     */
    private final ObjectProvider<ThymeleafViewResolver> views;

    RenderedFragments(ObjectProvider<ThymeleafViewResolver> views) {
        this.views = views;
    }

    /**
     * The fragment's HTML.
     *
     * @param fragment a view name with a selector, such as {@code "home-main :: main"}
     */
    public String render(String fragment, Map<String, ?> model, Locale locale, HttpServletRequest request,
                         HttpServletResponse response) {
        try {
            View view = views.getObject().resolveViewName(fragment, locale);
            if (view == null) {
                throw new IllegalStateException("No template for " + fragment);
            }
            Captured captured = new Captured(response);
            view.render(model, request, captured);
            captured.writer.flush();
            return captured.text.toString();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException("Rendering " + fragment, e);
        }
    }

    /**
     * The page's response as the view sees it, writing into memory: headers and content type stay the page's own,
     * while links are still encoded by the real response (the static resources' versions).
     */
    private static final class Captured extends HttpServletResponseWrapper {
        final StringWriter text = new StringWriter();
        final PrintWriter writer = new PrintWriter(text);

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A fragment is captured as text");
        }

        @Override
        public void setContentType(String type) {
            // The page sets its own.
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // The page sets its own.
        }

        @Override
        public void setLocale(Locale locale) {
            // The page sets its own.
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
