package dev.locustmaven.benchmarks.clinic;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.Set;
import java.util.TreeSet;

@Entity
public class Vet {

    @Id
    @GeneratedValue
    private Long id;

    private String firstName;
    private String lastName;

    @ElementCollection(fetch = FetchType.EAGER)
    private Set<String> specialties = new TreeSet<>();

    protected Vet() {}

    Vet(String firstName, String lastName, Set<String> specialties) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.specialties.addAll(specialties);
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public Set<String> getSpecialties() {
        return specialties;
    }
}
