// SPDX-License-Identifier: MIT
// City pilot simulator (recycling/KioskRegistry.sol)
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IRecyclingRewards} from "../interfaces/IRecyclingRewards.sol";

/**
 * @dev The kiosk registry of the rewards contract: kiosks registered by the registrar role
 * with a district and a daily capacity, and each kiosk's intake of its latest KST day.
 */
abstract contract KioskRegistry is IRecyclingRewards, AccessControl {
    /// @dev Role allowed to register, change and remove kiosks.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    /**
     * @dev A kiosk, packed into one slot (8 + 64 + 32 + 64 bits): a deposit transaction reads
     * it once and writes it once. `intakeGrams` is the intake of KST day `day`.
     */
    struct KioskState {
        bool registered;
        uint64 capacityGrams;
        uint32 day;
        uint64 intakeGrams;
    }

    mapping(address kiosk => KioskState) private _kiosks;
    mapping(address kiosk => bytes32 district) private _districts;

    /// @inheritdoc IRecyclingRewards
    function registerKiosk(
        address kiosk,
        bytes32 district,
        uint256 capacityGrams
    ) external onlyRole(REGISTRAR_ROLE) {
        if (kiosk == address(0) || capacityGrams > type(uint64).max) {
            revert RecyclingInvalidKiosk(kiosk, capacityGrams);
        }
        KioskState storage state = _kiosks[kiosk];
        if (state.registered) revert RecyclingKioskAlreadyRegistered(kiosk);
        state.registered = true;
        state.capacityGrams = uint64(capacityGrams);
        _districts[kiosk] = district;
        emit KioskRegistered(kiosk, district, capacityGrams);
    }

    /// @inheritdoc IRecyclingRewards
    function setKioskCapacity(address kiosk, uint256 capacityGrams) external onlyRole(REGISTRAR_ROLE) {
        KioskState storage state = _registeredKiosk(kiosk);
        if (capacityGrams > type(uint64).max) revert RecyclingInvalidKiosk(kiosk, capacityGrams);
        uint256 oldCapacity = state.capacityGrams;
        state.capacityGrams = uint64(capacityGrams);
        emit KioskCapacityChanged(kiosk, oldCapacity, capacityGrams);
    }

    /// @inheritdoc IRecyclingRewards
    function removeKiosk(address kiosk) external onlyRole(REGISTRAR_ROLE) {
        _registeredKiosk(kiosk).registered = false;
        emit KioskRemoved(kiosk);
    }

    /// @inheritdoc IRecyclingRewards
    function kioskOf(address kiosk) external view returns (KioskInfo memory) {
        KioskState memory state = _kiosks[kiosk];
        return
            KioskInfo(state.registered, _districts[kiosk], state.capacityGrams, state.day, state.intakeGrams);
    }

    /**
     * @dev The registered `kiosk` (reverts with {RecyclingUnknownKiosk} otherwise) and its
     * intake so far on `day`.
     */
    function _kioskOn(
        address kiosk,
        uint256 day
    ) internal view returns (uint256 capacityGrams, uint256 intakeGrams) {
        KioskState memory state = _kiosks[kiosk];
        if (!state.registered) revert RecyclingUnknownKiosk(kiosk);
        return (state.capacityGrams, state.day == day ? state.intakeGrams : 0);
    }

    /// @dev Records `intakeGrams` (at most the capacity) as the intake of `kiosk` on `day`.
    function _setIntake(address kiosk, uint256 capacityGrams, uint256 day, uint256 intakeGrams) internal {
        // intake <= capacity < 2^64; day < 2^32 until 2106.
        _kiosks[kiosk] = KioskState(true, uint64(capacityGrams), uint32(day), uint64(intakeGrams));
    }

    function _registeredKiosk(address kiosk) private view returns (KioskState storage state) {
        state = _kiosks[kiosk];
        if (!state.registered) revert RecyclingUnknownKiosk(kiosk);
    }
}
