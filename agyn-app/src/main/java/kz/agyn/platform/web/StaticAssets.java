package kz.agyn.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Static files (issue 16: every page sent about 1.2 MB again on each visit, ECharts and the map with
 * {@code no-store}). Their addresses in pages carry a hash of their content (Spring's content-version strategy,
 * {@code spring.web.resources.chain} in application.yml: {@code /js/agyn-<md5>.js}, WebJars included), so an address
 * names one content for ever and is cached for a year as immutable; a changed file gets a new address. An address
 * without the hash (a bookmark, a script of someone's) is served with {@code no-cache}: the browser asks again and
 * gets a 304 while the file is unchanged. Pages are not touched: Spring Security's {@code no-store} stays on them,
 * since they may show personal data. Compression is Tomcat's ({@code server.compression}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets {

    /** The URL prefixes of static files: application.yml's resource locations and the WebJars. */
    static final Pattern STATIC = Pattern.compile("^/(css|js|img|geo|webjars)/.+");
    /** A content-versioned file name: {@code name-<32 hex digits>.ext}, as VersionResourceResolver writes it. */
    static final Pattern FINGERPRINTED = Pattern.compile(".+-[0-9a-f]{32}\\.[A-Za-z0-9]+$");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /**
     * The static files' handlers, one per folder, in place of Spring Boot's one at {@code /**}
     * ({@code spring.web.resources.add-mappings: false}). With a handler at {@code /**}, every link a page writes
     * ({@code @{/explore}}, the menu's twenty) was looked up as a static file in the jar, and a miss is not cached:
     * under load (200 users, docs/benchmarks.md) a third of the application's CPU went to these lookups. With
     * handlers per folder, a link outside them is not looked up at all. The chain is Boot's: cached, content
     * versions on every path, WebJars without versions in their addresses.
     */
    @Bean
    WebMvcConfigurer staticFolders() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                for (String folder : List.of("css", "js", "img", "geo")) {
                    registry.addResourceHandler("/" + folder + "/**")
                            .addResourceLocations("classpath:/static/" + folder + "/")
                            .resourceChain(true)
                            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
                }
                registry.addResourceHandler("/webjars/**")
                        .addResourceLocations("classpath:/META-INF/resources/webjars/")
                        .resourceChain(true)
                        .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
                        .addResolver(new LiteWebJarsResourceResolver());
            }
        };
    }

    @Bean
    OncePerRequestFilter staticAssetCaching() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !STATIC.matcher(path(request)).matches();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                // Set before the file is written, so that Spring Security's headers writer (which leaves a
                // Cache-Control it finds) does not put no-store on it.
                response.setHeader("Cache-Control", FINGERPRINTED.matcher(path(request)).matches() ? IMMUTABLE
                        : REVALIDATE);
                chain.doFilter(request, response);
            }
        };
    }

    /** GeoJSON as such, so that it is compressed (Tomcat knows no .geojson) and read as JSON. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> geoJsonMimeType() {
        return factory -> factory.addMimeMappings(geoJson());
    }

    private static org.springframework.boot.web.server.MimeMappings geoJson() {
        org.springframework.boot.web.server.MimeMappings m = new org.springframework.boot.web.server.MimeMappings();
        m.add("geojson", "application/geo+json");
        return m;
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context.isEmpty() || !uri.startsWith(context) ? uri : uri.substring(context.length());
    }
}
