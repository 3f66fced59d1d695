package dev.locustmaven.benchmarks.clinic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Fills the database at start-up, the same every time (fixed seed): 2,000 owners, 4,000 pets, 40 vets. */
@Component
class ClinicData implements ApplicationRunner {

    static final List<String> LAST_NAMES = List.of(
            "Davis", "Dawson", "Franklin", "Black", "Escobito", "Estaban", "McTavish", "Schroeder", "Coleman", "Carter",
            "Douglas", "Leary", "Ortega", "Jenkins", "Stevens", "Rodriquez", "Hernandez", "Fischer", "Garcia", "Miller");
    private static final List<String> FIRST_NAMES =
            List.of("George", "Betty", "Eduardo", "Harold", "Peter", "Jean", "Jeff", "Maria", "David", "Carlos");
    private static final List<String> TYPES = List.of("cat", "dog", "lizard", "snake", "bird", "hamster");
    private static final List<String> SPECIALTIES = List.of("radiology", "surgery", "dentistry", "none");

    private final OwnerRepository owners;
    private final VetRepository vets;

    ClinicData(OwnerRepository owners, VetRepository vets) {
        this.owners = owners;
        this.vets = vets;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Random random = new Random(42);
        List<Owner> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Owner owner = new Owner(
                    pick(FIRST_NAMES, random),
                    pick(LAST_NAMES, random) + (i % 7 == 0 ? "" : "-" + (char) ('a' + random.nextInt(26))),
                    "Madison",
                    "608555" + (1000 + i));
            for (int p = 0; p < 2; p++) {
                Pet pet = new Pet(
                        "Pet" + i + "-" + p,
                        pick(TYPES, random),
                        LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000)));
                for (int v = random.nextInt(4); v > 0; v--) {
                    pet.addVisit(new Visit(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)), "check-up"));
                }
                owner.addPet(pet);
            }
            all.add(owner);
        }
        owners.saveAll(all);
        for (int i = 0; i < 40; i++) {
            vets.save(new Vet(
                    pick(FIRST_NAMES, random),
                    pick(LAST_NAMES, random),
                    new TreeSet<>(List.of(pick(SPECIALTIES, random), pick(SPECIALTIES, random)))));
        }
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
