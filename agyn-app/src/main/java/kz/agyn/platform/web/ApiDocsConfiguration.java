package kz.agyn.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import kz.agyn.platform.menu.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's description at /api/openapi, read by the page at /api/docs. It declares how to sign in (HTTP Basic
 * with a user name and password, or a bearer token from the account page), so that the page offers an
 * "Authorize" button and its "Try it out" calls carry the Authorization header; without it a browser's calls
 * went out with the session cookie alone, and every POST was refused for want of a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String BASIC = "basic";
    static final String TOKEN = "token";

    @Bean
    OpenAPI agynOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Agyn API").version("v1")
                        .description("Observatory of intellectual migration from Kazakhstan. Sign in with HTTP "
                                + "Basic or an API token (Authorization: Bearer …, created on the account page or "
                                + "with POST /api/v1/account/tokens). Messages follow Accept-Language: kk, ru, en.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password, as on the sign-in page"))
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token (agyn_…) from the account page")))
                // Two requirements, either of which will do (one requirement naming both would ask for both).
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /** The API's documentation in the main menu, after the features' pages and before administration's. */
    @Bean
    MenuEntry apiDocsMenuEntry() {
        return MenuEntry.forEveryone(120, "nav.api", "/api/docs");
    }
}
