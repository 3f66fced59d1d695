package dev.locustmaven.benchmarks.clinic;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ClinicController {

    private final ClinicService clinic;

    ClinicController(ClinicService clinic) {
        this.clinic = clinic;
    }

    @GetMapping("/owners")
    List<ClinicService.OwnerSummary> owners(@RequestParam String lastName) {
        return clinic.findOwners(lastName);
    }

    @GetMapping("/owners/{id}")
    ResponseEntity<ClinicService.OwnerDetails> owner(@PathVariable long id) {
        return ResponseEntity.of(clinic.owner(id));
    }

    @GetMapping("/vets")
    List<ClinicService.VetDetails> vets() {
        return clinic.vets();
    }

    @PostMapping("/owners/{ownerId}/pets/{petId}/visits")
    ResponseEntity<ClinicService.VisitDetails> addVisit(
            @PathVariable long ownerId, @PathVariable long petId, @RequestBody Map<String, String> body) {
        return clinic.addVisit(ownerId, petId, body.getOrDefault("description", ""))
                .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
