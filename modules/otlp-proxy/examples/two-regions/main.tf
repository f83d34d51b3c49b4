terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.100.0, < 6.0.0" }
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

provider "aws" {
  alias  = "eu_west_1"
  region = "eu-west-1"
}

module "otlp_proxy_us_east_1" {
  source    = "../.."
  providers = { aws = aws.us_east_1 }

  teams = [
    {
      name    = "default"
      enabled = true
    },
  ]
}

module "otlp_proxy_eu_west_1" {
  source    = "../.."
  providers = { aws = aws.eu_west_1 }

  teams = [
    {
      name    = "default"
      enabled = true
    },
  ]
}

output "us_east_1" {
  description = "Every output of the us-east-1 proxy."
  value       = module.otlp_proxy_us_east_1
}

output "eu_west_1" {
  description = "Every output of the eu-west-1 proxy."
  value       = module.otlp_proxy_eu_west_1
}
