#pragma once

namespace ticketing::http {
class Router;
class Metrics;
} // namespace ticketing::http
namespace ticketing::services {
class HealthService;
class AuthService;
class VenueService;
class EventService;
class HoldService;
class CheckoutService;
class DeviceService;
class CheckInService;
class NotificationService;
class WaitlistService;
} // namespace ticketing::services

namespace ticketing::handlers {

// The services the routes call. Owned by the application; they outlive the router.
struct Services
{
    services::HealthService& health;
    services::AuthService& auth;
    services::VenueService& venues;
    services::EventService& events;
    services::HoldService& holds;
    services::CheckoutService& checkout;
    services::DeviceService& devices;
    services::CheckInService& checkin;
    services::NotificationService& notifications;
    services::WaitlistService& waitlist;
    http::Metrics& metrics;
};

// Every route of ticketd, with its access rule. The application and the role-matrix test
// both build their router here, so the test walks exactly the routes that exist.
void registerRoutes(http::Router& router, Services& services);

void registerOpsRoutes(http::Router& router, Services& services);
void registerAccountRoutes(http::Router& router, Services& services);
void registerVenueRoutes(http::Router& router, Services& services);
void registerEventRoutes(http::Router& router, Services& services);
void registerBookingRoutes(http::Router& router, Services& services);
void registerCheckoutRoutes(http::Router& router, Services& services);
void registerCheckInRoutes(http::Router& router, Services& services);

} // namespace ticketing::handlers
