package dev.locustmaven.benchmarks.clinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small veterinary clinic (owners, pets, visits, vets) over JPA and an in-memory H2 database. */
@SpringBootApplication
public class ClinicApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicApplication.class, args);
    }
}
