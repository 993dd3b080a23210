// Package config is the file setup-wizard writes and support staff read back: schema
// version 1 (a contract, see DESIGN.md), strict loading, atomic 0600 saving, redaction.
package config

import (
	"time"
)

// Version is the schema version this program writes and reads.
const Version = 1

// Config is the whole file.
type Config struct {
	Version      int           `yaml:"version"`
	LINE         *LINE         `yaml:"line,omitempty"`
	NAVER        *NAVER        `yaml:"naver,omitempty"`
	Verification *Verification `yaml:"verification,omitempty"`
}

// LINE is the LINE section.
type LINE struct {
	Flow         string        `yaml:"flow,omitempty"` // new | switch
	AccountName  string        `yaml:"account_name,omitempty"`
	ProviderName string        `yaml:"provider_name,omitempty"`
	Policy       *Policy       `yaml:"policy,omitempty"`
	MessagingAPI *MessagingAPI `yaml:"messaging_api,omitempty"`
	Login        *Login        `yaml:"login,omitempty"`
}

// Policy holds the platform's privacy-policy and terms URLs given to the Messaging API channel.
type Policy struct {
	PrivacyPolicyURL string `yaml:"privacy_policy_url,omitempty"`
	TermsURL         string `yaml:"terms_url,omitempty"`
}

// MessagingAPI is the Messaging API channel.
type MessagingAPI struct {
	ChannelID          string `yaml:"channel_id,omitempty"`
	ChannelAccessToken string `yaml:"channel_access_token,omitempty"`
	ChannelSecret      string `yaml:"channel_secret,omitempty"`
	AddFriendURL       string `yaml:"add_friend_url,omitempty"`
	WebhookURL         string `yaml:"webhook_url,omitempty"`
}

// Login is the LINE Login channel.
type Login struct {
	ChannelID     string `yaml:"channel_id,omitempty"`
	ChannelSecret string `yaml:"channel_secret,omitempty"`
	CallbackURL   string `yaml:"callback_url,omitempty"`
}

// NAVER is the NAVER Login section.
type NAVER struct {
	ApplicationName string       `yaml:"application_name,omitempty"`
	ClientID        string       `yaml:"client_id,omitempty"`
	ClientSecret    string       `yaml:"client_secret,omitempty"`
	Items           *Items       `yaml:"items,omitempty"`
	PCWeb           *Environment `yaml:"pc_web,omitempty"`
	MobileWeb       *Environment `yaml:"mobile_web,omitempty"`
	Platform        string       `yaml:"platform,omitempty"`      // cafe24 | other
	ReviewStatus    string       `yaml:"review_status,omitempty"` // development | requested | approved
}

// Items are the optional profile items the application asks for.
type Items struct {
	Name  bool `yaml:"name"`
	Email bool `yaml:"email"`
}

// Environment is one NAVER environment (PC web or Mobile web).
type Environment struct {
	ServiceURL   string   `yaml:"service_url,omitempty"`
	CallbackURLs []string `yaml:"callback_urls,omitempty"`
}

// Verification is what the last live checks found.
type Verification struct {
	At time.Time `yaml:"at"`
	// Sandbox marks a file written by --sandbox: its values are samples and its results
	// come from the emulator, so a real run or verify refuses it.
	Sandbox bool     `yaml:"sandbox,omitempty"`
	Results []Result `yaml:"results"`
}

// Result is one check's outcome as recorded in the file.
type Result struct {
	ID      string `yaml:"id"`
	Status  string `yaml:"status"`
	Message string `yaml:"message,omitempty"`
	Step    string `yaml:"step,omitempty"`
	Detail  string `yaml:"detail,omitempty"`
}
