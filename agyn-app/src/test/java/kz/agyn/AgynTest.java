package kz.agyn;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real embedded PostgreSQL, on a random port. Every integration test extends this
 * one class so that they share a single application context and a single database server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MovableTime.Config.class)
public abstract class AgynTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Test-root-pw-1";
}
