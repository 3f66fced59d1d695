package dev.locustmaven.benchmarks.clinic;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's reads and writes, each in one transaction, answered as plain records ready for JSON. */
@Service
class ClinicService {

    record PetSummary(long id, String name, String type) {}

    record OwnerSummary(long id, String name, String city, List<PetSummary> pets) {}

    record VisitDetails(long id, LocalDate date, String description) {}

    record PetDetails(long id, String name, String type, LocalDate birthDate, List<VisitDetails> visits) {}

    record OwnerDetails(long id, String firstName, String lastName, String city, String telephone, List<PetDetails> pets) {}

    record VetDetails(long id, String name, List<String> specialties) {}

    private final OwnerRepository owners;
    private final PetRepository pets;
    private final VetRepository vets;

    ClinicService(OwnerRepository owners, PetRepository pets, VetRepository vets) {
        this.owners = owners;
        this.pets = pets;
        this.vets = vets;
    }

    @Transactional(readOnly = true)
    List<OwnerSummary> findOwners(String lastNamePrefix) {
        return owners.findByLastNamePrefix(lastNamePrefix).stream()
                .map(o -> new OwnerSummary(
                        o.getId(),
                        o.getFirstName() + " " + o.getLastName(),
                        o.getCity(),
                        o.getPets().stream()
                                .map(p -> new PetSummary(p.getId(), p.getName(), p.getType()))
                                .toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<OwnerDetails> owner(long id) {
        return owners.findWithPets(id)
                .map(o -> new OwnerDetails(
                        o.getId(),
                        o.getFirstName(),
                        o.getLastName(),
                        o.getCity(),
                        o.getTelephone(),
                        o.getPets().stream()
                                .map(p -> new PetDetails(
                                        p.getId(),
                                        p.getName(),
                                        p.getType(),
                                        p.getBirthDate(),
                                        p.getVisits().stream()
                                                .map(v -> new VisitDetails(v.getId(), v.getDate(), v.getDescription()))
                                                .toList()))
                                .toList()));
    }

    @Transactional(readOnly = true)
    List<VetDetails> vets() {
        return vets.findAll().stream()
                .sorted(Comparator.comparing(Vet::getLastName).thenComparing(Vet::getFirstName))
                .map(v -> new VetDetails(
                        v.getId(), v.getFirstName() + " " + v.getLastName(), List.copyOf(v.getSpecialties())))
                .toList();
    }

    /** Empty when the pet does not exist or belongs to another owner. */
    @Transactional
    Optional<VisitDetails> addVisit(long ownerId, long petId, String description) {
        return pets.findById(petId)
                .filter(p -> p.getOwner().getId() == ownerId)
                .map(p -> {
                    Visit visit = new Visit(LocalDate.now(), description);
                    p.addVisit(visit);
                    pets.flush();
                    return new VisitDetails(visit.getId(), visit.getDate(), visit.getDescription());
                });
    }
}
