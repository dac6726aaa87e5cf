package id.go.kerjasama;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KerjasamaApplication {

  public static void main(String[] args) {
    SpringApplication.run(KerjasamaApplication.class, args);
  }
}
