package dev.locustmaven.benchmarks.clinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

@Entity
public class Visit {

    @Id
    @GeneratedValue
    private Long id;

    private LocalDate date;
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    private Pet pet;

    protected Visit() {}

    Visit(LocalDate date, String description) {
        this.date = date;
        this.description = description;
    }

    void setPet(Pet pet) {
        this.pet = pet;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getDescription() {
        return description;
    }
}
