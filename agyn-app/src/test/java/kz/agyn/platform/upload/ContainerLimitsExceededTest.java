package kz.agyn.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;

/**
 * Which of the container's limits a failed parse ran into, as Tomcat 11 wraps them: the per-file limit
 * ({@code max-file-size}, naming the file), the request limit ({@code max-request-size}) and the form-field limit
 * ({@code max-http-form-post-size}, a bare 413); anything else is not a size limit and is left to Spring.
 * {@link ContainerLimitsTest} meets the request and form limits over real HTTP.
 */
class ContainerLimitsExceededTest {

    static final long FORM = 2L << 20;

    @Test
    void thePerFileLimitNamesTheFile() {
        FileSizeLimitExceededException e = new FileSizeLimitExceededException("too big", 300L << 20, 200L << 20);
        e.setFileName("C:\\data\\census.xlsx");
        ContainerLimits.Exceeded x = ContainerLimits.exceeded(new InvalidParameterException(e, 413), FORM);
        assertThat(x).isEqualTo(new ContainerLimits.Exceeded(200L << 20, "census.xlsx"));
        assertThat(x.asException().code()).isEqualTo("upload.tooLarge");
        assertThat(x.asException().args()).containsExactly("census.xlsx", 200.0);
    }

    @Test
    void theRequestLimitAndTheFormLimitNameNone() {
        assertThat(ContainerLimits.exceeded(new IllegalStateException(new SizeLimitExceededException("too big",
                220L << 20, 210L << 20)), FORM)).isEqualTo(new ContainerLimits.Exceeded(210L << 20, null));
        assertThat(ContainerLimits.exceeded(new InvalidParameterException("post too large", 413), FORM))
                .isEqualTo(new ContainerLimits.Exceeded(FORM, null));
        assertThat(ContainerLimits.exceeded(new InvalidParameterException("post too large", 413), FORM)
                .asException().code()).isEqualTo("upload.tooLarge.unnamed");
    }

    @Test
    void otherParseFailuresAreNotSizeLimits() {
        assertThat(ContainerLimits.exceeded(new InvalidParameterException("bad encoding", 400), FORM)).isNull();
        assertThat(ContainerLimits.exceeded(new IOException("connection reset"), FORM)).isNull();
        assertThat(ContainerLimits.exceeded(new IllegalStateException("no multipart config"), FORM)).isNull();
    }
}
