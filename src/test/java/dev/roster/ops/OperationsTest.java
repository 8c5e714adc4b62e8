package dev.roster.ops;

import dev.roster.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Reactive PostgreSQL")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsCountScimRequestsPerOperationWithoutTenantLabels() {
        String tenant = Api.createTenant("Metrics");
        String token = Api.createToken(tenant);
        Api.scim(token).get(Api.tenantUrl(tenant) + "/ServiceProviderConfig").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/scim/v2/ServiceProviderConfig\""))
                .body(not(containsString(tenant)));
    }
}
